import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ProjectList } from './components/ProjectList';
import { useRoute } from './lib/router';

// The project page carries MapLibre and ECharts (most of the bundle); the project list does not need them.
const ProjectPage = lazy(() => import('./components/ProjectPage').then((m) => ({ default: m.ProjectPage })));

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden>◉</span> {t('app.title')}
        </a>
        <span className="tagline">{t('app.tagline')}</span>
        <span className="spacer" />
        <LanguageSwitch />
      </header>
      {route.page === 'project' ? (
        <Suspense fallback={<p className="muted pad">{t('common.loading')}</p>}>
          <ProjectPage key={route.projectId} projectId={route.projectId} />
        </Suspense>
      ) : (
        <ProjectList />
      )}
    </div>
  );
}
