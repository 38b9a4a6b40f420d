// The app runs under a Content-Security-Policy without 'unsafe-eval' (server/security/http.ts).
// zod compiles its object parsers with `new Function` when it may, and finds out by trying
// `Function('')` in a try/catch – refused, but still reported by the browser as a violation.
// Without the compiler zod never tries. This must be the first import of main.tsx: the probe
// runs as soon as the first object schema is built.
import { z } from 'zod';

z.config({ jitless: true });
