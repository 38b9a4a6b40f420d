// What the schema finds wrong, said to a facilitator who wrote the file by hand – in Danish and
// English, as "what is wrong: how to fix it". zod's own wording ("Too small: expected array to
// have >=1 items", "Invalid discriminator value") is schema jargon and English only; it never
// reaches a person. The field the message is about is named by the caller (a path or a line).
import type { z } from 'zod';
import type { Msg } from './question-set.ts';

type Issue = z.core.$ZodIssue;

const KINDS: Record<string, Msg> = {
  string: { en: 'a text', da: 'en tekst' },
  number: { en: 'a number', da: 'et tal' },
  int: { en: 'a whole number', da: 'et helt tal' },
  boolean: { en: 'true or false', da: 'true eller false' },
  object: { en: 'an object { … }', da: 'et objekt { … }' },
  array: { en: 'a list [ … ]', da: 'en liste [ … ]' },
};

const ID_RULE: Msg = {
  en: 'use only lower-case letters a–z, digits and dashes, starting with a letter or digit (e.g. "min-workshop")',
  da: 'brug kun små bogstaver a–z, tal og bindestreger, og begynd med et bogstav eller tal (fx "min-workshop")',
};

/** One schema issue as a message for a person, without the field's name. */
export function describeIssue(issue: Issue): Msg {
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum));
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum));
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) return { en: 'is missing: add it', da: 'mangler: tilføj den' };
      const kind = KINDS[issue.expected] ?? { en: issue.expected, da: issue.expected };
      return { en: `must be ${kind.en}`, da: `skal være ${kind.da}` };
    }
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? (issue.options as unknown[]).join(', ') : '';
      if (options) return { en: `is not one of the known kinds: use one of ${options}`, da: `er ikke en kendt slags: brug en af ${options}` };
      return { en: 'is not valid here: check it against the examples in the docs', da: 'er ikke gyldig her: sammenlign med eksemplerne i vejledningen' };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return issue.keys.length === 1
        ? { en: `unknown field ${keys}: remove it or correct its spelling`, da: `ukendt felt ${keys}: fjern det eller ret stavningen` }
        : { en: `unknown fields ${keys}: remove them or correct their spelling`, da: `ukendte felter ${keys}: fjern dem eller ret stavningen` };
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return issue.values.length === 1 ? { en: `must be ${values}`, da: `skal være ${values}` } : { en: `must be one of ${values}`, da: `skal være en af ${values}` };
    }
    case 'invalid_format':
      return issue.format === 'regex' ? ID_RULE : { en: issue.message, da: issue.message };
    case 'custom': {
      const da = (issue.params as { da?: unknown } | undefined)?.da;
      return { en: issue.message, da: typeof da === 'string' ? da : issue.message };
    }
    default:
      return { en: issue.message, da: issue.message };
  }
}

function tooSmall(origin: string, min: number): Msg {
  switch (origin) {
    case 'string':
      return min <= 1 ? { en: 'is empty: write a text', da: 'er tom: skriv en tekst' } : { en: `is too short: write at least ${min} characters`, da: `er for kort: skriv mindst ${min} tegn` };
    case 'array':
      return { en: `needs at least ${min}: add more`, da: `skal have mindst ${min}: tilføj flere` };
    default:
      return { en: `is too small: the lowest allowed is ${min}`, da: `er for lille: det mindste tilladte er ${min}` };
  }
}

function tooBig(origin: string, max: number): Msg {
  switch (origin) {
    case 'string':
      return { en: `is too long: at most ${max} characters – shorten it`, da: `er for lang: højst ${max} tegn – gør den kortere` };
    case 'array':
      return { en: `has too many: at most ${max} – remove some or split them over two`, da: `har for mange: højst ${max} – fjern nogle eller del dem i to` };
    default:
      return { en: `is too large: the highest allowed is ${max}`, da: `er for stor: det største tilladte er ${max}` };
  }
}
