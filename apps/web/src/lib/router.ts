// Hash routing: the server only has to serve index.html at "/", and deep links survive a reload.
import { useEffect, useState } from 'react';

export type Route = { page: 'projects' } | { page: 'project'; projectId: string };

export function parseHash(hash: string): Route {
  const m = /^#\/projects\/([^/?#]+)/.exec(hash);
  return m ? { page: 'project', projectId: decodeURIComponent(m[1]!) } : { page: 'projects' };
}

export function projectHref(projectId: string): string {
  return `#/projects/${encodeURIComponent(projectId)}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
