// Markdown → question set. marked's lexer finds the blocks (headings, block quotes, nested
// lists); the texts are read from each block's raw source, so no Markdown formatting can change
// a letter. Every part remembers its line, so both our own errors and the schema's name the line.
// Nothing half-valid comes out: any problem throws a QuestionSetError listing them all.
import { Lexer, type MarkedToken, type Tokens } from 'marked';
import { parseQuestionSet, problem, QuestionSetError, type LocalizedText, type Msg, type QuestionSet } from '../question-set.ts';
import { readFrontMatter } from './front-matter.ts';
import { describeBlock, PART, SAY } from './parse-messages.ts';
import { defaultQuestionId, defaultThemeId } from './ids.ts';
import { locateProblems, type LineProblem } from './problems.ts';
import { parseSpec, splitSpec } from './spec.ts';
import { decodeLocalized, protectSeparators, slugify } from './text.ts';

type At<T> = { token: T; line: number };
type Draft = Record<string, unknown>;
/** "Beskrivelse:" (or "Description:") starts the paragraph the room sees with the theme. */
export const DESCRIPTION = /^\s*(?:Beskrivelse|Description):\s*/;

type DraftTheme = { id: string; title: LocalizedText; statements: Draft[]; description?: LocalizedText; note?: LocalizedText; questions: Draft[] };
type Section = { kind: 'none' } | { kind: 'skip' } | { kind: 'context'; points: Draft[] } | { kind: 'theme'; index: number; theme: DraftTheme };

/** Parses the Markdown form of a question set; `file` names it in errors and gives a default id. */
export function parseMarkdown(source: string, file: string): QuestionSet {
  const reader = new Reader(normalize(source), file);
  const draft = reader.read();
  if (reader.problems.length) throw reader.error(reader.problems);
  try {
    return parseQuestionSet(draft, file);
  } catch (e) {
    if (!(e instanceof QuestionSetError)) throw e;
    throw reader.error(locateProblems(e.problems, reader.lines));
  }
}

/** Windows line ends and a byte-order mark are what Notepad writes; neither is content. */
export function normalize(source: string): string {
  return protectSeparators(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
}

/** Each token with the line it starts on: siblings' raw sources add up to their parent's. */
function located<T extends { raw: string }>(tokens: readonly T[], firstLine: number): At<T>[] {
  let line = firstLine;
  return tokens.map((token) => {
    const at = { token, line };
    line += token.raw.split('\n').length - 1;
    return at;
  });
}

class Reader {
  readonly problems: LineProblem[] = [];
  /** Field path (as formatPath writes it) → line, so the schema's errors can name a line. */
  readonly lines = new Map<string, number>([['', 1]]);
  private readonly themes: DraftTheme[] = [];
  private context: Draft | undefined;
  private section: Section = { kind: 'none' };

  constructor(
    private readonly source: string,
    private readonly file: string,
  ) {}

  read(): Draft {
    const fm = readFrontMatter(this.source);
    this.problems.push(...fm.problems);
    for (const [key, line] of fm.lines) this.lines.set(key, line);
    const blocks = new Lexer().lex(fm.body) as unknown as MarkedToken[];
    for (const { token, line } of located(blocks, fm.bodyLine)) this.block(token, line);
    if (!fm.problems.length && !fm.fields.title) this.problem(1, SAY.noTitle);
    if (!this.themes.length && !this.problems.length) this.problem(fm.bodyLine, SAY.noThemes);
    const id = fm.fields.id ?? (slugify(baseName(this.file)) || 'question-set');
    return {
      id,
      version: fm.fields.version ?? 1,
      ...pick(fm.fields, ['title', 'subtitle', 'source']),
      ...(this.context ? { context: this.context } : {}),
      themes: this.themes,
    };
  }

  error(problems: LineProblem[]): QuestionSetError {
    const sorted = [...problems].sort((a, b) => a.line - b.line);
    return new QuestionSetError(this.file, sorted.map((p) => problem(`line ${p.line}`, p.message)));
  }

  problem(line: number, message: Msg): void {
    this.problems.push({ line, message });
  }

  private block(token: MarkedToken, line: number): void {
    switch (token.type) {
      case 'heading':
        return this.heading(token, line);
      case 'blockquote':
        return this.statements(token, line);
      case 'list':
        return this.list(token, line);
      case 'paragraph':
        return this.note(token, line);
      case 'space':
      case 'hr':
        return;
      case 'html':
        if (token.raw.trimStart().startsWith('<!--')) return; // a comment for whoever edits the file
        return this.problem(line, SAY.html);
      default:
        return this.problem(line, SAY.unexpected(describeBlock(token.type)));
    }
  }

  private heading(token: Tokens.Heading, line: number): void {
    this.section = { kind: 'skip' };
    if (token.depth !== 1) return this.problem(line, SAY.oneHash);
    const own = headingText(token);
    const m = /^(tema|theme|kontekst|context)\s*:\s*/i.exec(own);
    if (!m) return this.problem(line, SAY.themeHeading);
    const rest = own.slice(m[0].length);
    if (/^(kontekst|context)$/i.test(m[1]!)) return this.contextHeading(rest, line);
    const split = splitSpec(rest);
    if ('error' in split) return this.problem(line, split.error);
    let id: string | undefined;
    if (split.spec !== undefined) {
      const idMatch = /^\s*#(\S*)\s*$/.exec(split.spec);
      if (!idMatch) return this.problem(line, SAY.themeSpec);
      id = idMatch[1]!;
    }
    const title = this.localized(split.text, line);
    if (!title) return;
    const used = new Set(this.themes.map((t) => t.id));
    const theme: DraftTheme = { id: id ?? defaultThemeId(title.da, used), title, statements: [], questions: [] };
    const index = this.themes.push(theme) - 1;
    this.lines.set(`themes[${index}]`, line);
    this.section = { kind: 'theme', index, theme };
  }

  private contextHeading(rest: string, line: number): void {
    if (this.context) return this.problem(line, SAY.oneContext);
    const title = this.localized(rest, line);
    if (!title) return;
    const points: Draft[] = [];
    this.context = { title, points };
    this.lines.set('context', line);
    this.section = { kind: 'context', points };
  }

  private statements(token: Tokens.Blockquote, line: number): void {
    const section = this.section;
    if (section.kind === 'skip') return;
    if (section.kind !== 'theme') return this.problem(line, SAY.statementsOutside);
    for (const { token: inner, line: at } of located(token.tokens as MarkedToken[], line)) {
      if (inner.type === 'space') continue;
      if (inner.type !== 'list') {
        this.problem(at, SAY.statementAsItem);
        continue;
      }
      for (const item of located(inner.items, at)) {
        const parts = this.itemParts(item);
        const text = this.localized(parts.raw, item.line);
        const s = section.theme.statements.length;
        const path = `themes[${section.index}].statements[${s}]`;
        this.lines.set(path, item.line);
        const details = parts.children.map((child, d) => {
          this.lines.set(`${path}.details[${d}]`, child.line);
          return this.leaf(child, PART.detail);
        });
        section.theme.statements.push({ text, details });
      }
    }
  }

  private list(token: Tokens.List, line: number): void {
    const section = this.section;
    switch (section.kind) {
      case 'skip':
        return;
      case 'none':
        return this.problem(line, SAY.questionOutside);
      case 'context':
        return located(token.items, line).forEach((item) => this.point(item, section.points));
      case 'theme':
        return located(token.items, line).forEach((item) => this.question(item, section.index, section.theme));
    }
  }

  private point(item: At<Tokens.ListItem>, points: Draft[]): void {
    const parts = this.itemParts(item);
    const p = points.length;
    this.lines.set(`context.points[${p}]`, item.line);
    const heading = this.localized(parts.raw, item.line);
    if (parts.children.length > 1) this.problem(parts.children[1]!.line, SAY.oneContextText);
    const child = parts.children[0];
    if (child) this.lines.set(`context.points[${p}].text`, child.line);
    const text = child ? this.leaf(child, PART.contextText) : undefined;
    points.push({ heading, ...(text ? { text } : {}) });
  }

  private question(item: At<Tokens.ListItem>, t: number, theme: DraftTheme): void {
    const parts = this.itemParts(item);
    const q = theme.questions.length;
    const path = `themes[${t}].questions[${q}]`;
    this.lines.set(path, item.line);
    theme.questions.push({}); // keeps the numbering of the questions after a broken one
    const split = splitSpec(parts.raw);
    if ('error' in split) return this.problem(item.line, split.error);
    if (split.spec === undefined) {
      return this.problem(item.line, SAY.noType);
    }
    const spec = parseSpec(split.spec);
    if ('error' in spec) return this.problem(item.line, spec.error);
    const text = this.localized(split.text, item.line);
    const field = { choice: 'options', ranking: 'items', statements: 'statements' }[spec.type as string];
    if (field) {
      spec.response[field] = parts.children.map((child, k) => {
        this.lines.set(`${path}.response.${field}[${k}]`, child.line);
        return this.leaf(child, PART.item);
      });
    } else if (parts.children.length) {
      this.problem(parts.children[0]!.line, SAY.noItems(spec.type));
    }
    theme.questions[q] = { id: spec.id ?? defaultQuestionId(t, q), text, response: spec.response, ...(spec.method ? { method: spec.method } : {}) };
  }

  /** A paragraph is the facilitator's note; one starting "Beskrivelse:" is what the room sees. */
  private note(token: Tokens.Paragraph, line: number): void {
    const section = this.section;
    if (section.kind === 'skip') return;
    if (section.kind === 'none') return this.problem(line, SAY.textBeforeHeading);
    if (section.kind === 'context') return this.problem(line, SAY.contextTakesList);
    const described = DESCRIPTION.exec(token.raw);
    const field = described ? 'description' : 'note';
    if (section.theme[field]) {
      return this.problem(line, described ? SAY.oneDescription : SAY.oneNote);
    }
    this.lines.set(`themes[${section.index}].${field}`, line);
    const text = this.localized(described ? token.raw.slice(described[0].length) : token.raw, line);
    if (text) section.theme[field] = text;
  }

  /** A list item's own text (raw) and its indented items; anything deeper is a problem. */
  private itemParts({ token, line }: At<Tokens.ListItem>): { raw: string; children: At<Tokens.ListItem>[] } {
    const own: string[] = [];
    const children: At<Tokens.ListItem>[] = [];
    for (const { token: inner, line: at } of located(token.tokens as MarkedToken[], line)) {
      if (inner.type === 'space') continue;
      if (inner.type === 'list' && !own.length && !children.length && at === line) {
        // "- 1. Udsagn": the text itself starts with a list marker, read as a list in the item.
        // Say so, and keep the text, so no "empty text" follows from the same mistake.
        const marker = /^\s*(\d{1,9}[.)]|[-+*])/.exec(inner.raw)?.[1] ?? '1.';
        const escaped = /\d/.test(marker) ? marker.replace(/([.)])$/, '\\$1') : `\\${marker}`;
        this.problem(at, SAY.listMarker(marker, escaped));
        own.push(inner.raw);
      } else if (inner.type === 'list') children.push(...located(inner.items, at));
      else if (children.length) this.problem(at, SAY.textAfterItems);
      else own.push(inner.raw);
    }
    return { raw: own.join(''), children };
  }

  /** An indented item that may not have items of its own. */
  private leaf(item: At<Tokens.ListItem>, what: Msg): LocalizedText | undefined {
    const parts = this.itemParts(item);
    if (parts.children.length) this.problem(parts.children[0]!.line, SAY.noNested(what));
    return this.localized(parts.raw, item.line);
  }

  private localized(raw: string, line: number): LocalizedText | undefined {
    const text = decodeLocalized(raw);
    if (text.ok) return text.value;
    this.problem(line, text.message);
    return undefined;
  }
}

/**
 * A heading's text from its source: marked drops a trailing " #" as an optional closing
 * sequence, but a facilitator who writes "# Tema: Mål #" means the "#" (as "\\#" always does).
 */
function headingText(token: Tokens.Heading): string {
  const atx = /^ {0,3}#{1,6}(?:[ \t]+|$)(.*)$/.exec(token.raw.replace(/\n+$/, ''));
  return atx ? atx[1]!.trim() : token.text;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
}

function pick(fields: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k]]));
}
