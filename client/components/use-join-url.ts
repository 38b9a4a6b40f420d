import { useEffect, useState } from 'react';
import { api } from '../net/api.ts';

/** The join link as the server sees it (the LAN address or PUBLIC_URL, not the laptop's localhost). */
export function useJoinUrl(code: string): string {
  const [url, setUrl] = useState(`${location.origin}/join/${code}`);
  useEffect(() => {
    let live = true;
    api
      .session(code)
      .then((info) => live && setUrl(info.joinUrl))
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
