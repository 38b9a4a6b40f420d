// The optional facilitator password (FACILITATOR_PASSWORD on the server), kept for this tab only.
const KEY = 'raadslag:facilitator-password';

export const facilitatorPassword = {
  get: () => sessionStorage.getItem(KEY) ?? '',
  set: (value: string) => sessionStorage.setItem(KEY, value),
  headers: (): Record<string, string> => {
    const p = sessionStorage.getItem(KEY);
    return p ? { 'X-Facilitator-Password': p } : {};
  },
};

export async function passwordRequired(): Promise<boolean> {
  try {
    const res = await fetch('/api/config');
    return res.ok && ((await res.json()) as { passwordRequired: boolean }).passwordRequired;
  } catch {
    return false;
  }
}
