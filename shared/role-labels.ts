// What each role is called, in both languages: the one place for the UI (client/i18n) and the
// summaries (summary/labels.ts). Plain data with type-only imports, so the phone's bundle can
// carry it without zod.
import type { Lang, Role } from './protocol.ts';

export const ROLE_LABELS: Record<Lang, Record<Role, string>> = {
  da: {
    politician: 'Politiker',
    executive: 'Direktion/topledelse',
    manager: 'Leder',
    employee: 'Medarbejder/fagprofessionel',
    citizen: 'Borger',
    other: 'Andet',
  },
  en: {
    politician: 'Politician',
    executive: 'Executive/top management',
    manager: 'Manager',
    employee: 'Employee/professional',
    citizen: 'Citizen',
    other: 'Other',
  },
};
