import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

interface EngineErrorDetail {
  code?: number | string;
  message?: string;
  line?: number;
  section?: string;
}

/** Shows an API error with its code, and the engine's line-numbered errors for a rejected .inp. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const details = api && Array.isArray(api.details) ? (api.details as EngineErrorDetail[]) : [];
  return (
    <div className="error-note" role="alert">
      <strong>{t('common.error')}</strong>{' '}
      {api ? `[${api.code}] ` : ''}
      {error instanceof Error ? error.message : String(error)}
      {details.length > 0 ? (
        <ul>
          {details.slice(0, 10).map((d, k) => (
            <li key={k}>
              {d.code != null ? `${d.code}: ` : ''}
              {d.message}
              {d.line != null ? ` (${t('common.line', { line: d.line })}${d.section ? `, ${d.section}` : ''})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
