import { useTranslation } from 'react-i18next';
import type { Run } from '../api/types';

export function RunStatusBadge({ run }: { run: Run | undefined }) {
  const { t } = useTranslation();
  if (!run) return null;
  const pct = Math.round((run.progress ?? 0) * 100);
  return (
    <span className={`run-badge ${run.status}`}>
      {t(`runs.status.${run.status}`)}
      {run.status === 'running' ? ` ${pct}%` : ''}
    </span>
  );
}

export function ProgressBar({ fraction, label, testId }: { fraction: number; label?: string; testId?: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(fraction * 100)));
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={label} data-testid={testId}>
      <div className="progress-fill" style={{ width: `${pct}%` }} />
      <span className="progress-text">{pct}%</span>
    </div>
  );
}
