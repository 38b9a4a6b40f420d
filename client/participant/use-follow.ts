// A phone's form shows what the server holds: when the participant's answer changes in `me`
// (sent from another tab, or after a reconnect), the form takes it over. Every tab then agrees.
import { useEffect, useRef } from 'react';

export function useFollow<T>(value: T, take: (value: T) => void): void {
  const key = JSON.stringify(value ?? null);
  const seen = useRef(key);
  useEffect(() => {
    if (seen.current === key) return;
    seen.current = key;
    take(value);
  }, [key]);
}
