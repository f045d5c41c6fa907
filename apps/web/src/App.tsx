import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ProjectList } from './components/ProjectList';
import { ProjectPage } from './components/ProjectPage';
import { useRoute } from './lib/router';

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
      {route.page === 'project' ? <ProjectPage key={route.projectId} projectId={route.projectId} /> : <ProjectList />}
    </div>
  );
}
