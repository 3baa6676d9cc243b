import { useEffect, useState } from 'react';

/** Hash routes: `#/diary`, `#/food/sr24:11233`, `#/top/vitamin-k2?per=serving`. */
export interface Route {
  page: string;
  param?: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page = '', ...rest] = path.split('/');
  const query = new URLSearchParams(search);
  return rest.length ? { page, param: decodeURIComponent(rest.join('/')), query } : { page, query };
}

export function href(page: string, param?: string): string {
  return param === undefined ? `#/${page}` : `#/${page}/${encodeURIComponent(param)}`;
}

export function navigate(page: string, param?: string): void {
  window.location.hash = href(page, param).slice(1);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
