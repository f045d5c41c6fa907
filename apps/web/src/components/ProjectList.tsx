import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Project, Template } from '../api/types';
import { projectHref } from '../lib/router';
import { ErrorNote } from './ErrorNote';

export function ProjectList() {
  const { t, i18n } = useTranslation();
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.listProjects().then(setProjects, setError);
    api.listTemplates().then((ts) => {
      setTemplates(ts);
      if (ts[0]) setTemplateId(ts[0].id);
    }, () => setTemplates([]));
  }, []);

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const p = await api.createProject(name.trim());
      if (templateId) await api.createModelFromTemplate(p.id, templates.find((x) => x.id === templateId)?.name ?? name, templateId);
      window.location.hash = projectHref(p.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fmt = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <main className="page project-list">
      <section className="card">
        <h1>{t('projects.title')}</h1>
        {error ? <ErrorNote error={error} /> : null}
        {projects === null && !error ? <p className="muted">{t('common.loading')}</p> : null}
        {projects && projects.length === 0 ? <p className="muted">{t('projects.empty')}</p> : null}
        <ul className="projects" data-testid="project-list">
          {projects?.map((p) => (
            <li key={p.id}>
              <a href={projectHref(p.id)} data-testid="project-link">
                <strong>{p.name}</strong>
              </a>
              {p.description ? <p className="muted">{p.description}</p> : null}
              <p className="muted small">{t('projects.updated', { date: fmt.format(new Date(p.updatedAt)) })}</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>{t('projects.new')}</h2>
        <form onSubmit={create} className="form-grid">
          <label>
            {t('projects.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="new-project-name" />
          </label>
          <label>
            {t('projects.template')}
            <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              <option value="">{t('projects.noTemplate')}</option>
              {templates.map((tp) => (
                <option key={tp.id} value={tp.id}>
                  {tp.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            {t('projects.create')}
          </button>
        </form>
      </section>
    </main>
  );
}
