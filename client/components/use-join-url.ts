import { useEffect, useState } from 'react';

/** The join link as the server sees it (the LAN address or PUBLIC_URL, not the laptop's localhost). */
export function useJoinUrl(code: string): string {
  const [url, setUrl] = useState(`${location.origin}/join/${code}`);
  useEffect(() => {
    let live = true;
    fetch(`/api/sessions/${code}`)
      .then((r) => (r.ok ? (r.json() as Promise<{ joinUrl: string }>) : null))
      .then((info) => live && info && setUrl(info.joinUrl))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [code]);
  return url;
}

export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
