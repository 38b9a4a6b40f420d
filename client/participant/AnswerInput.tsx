// The answer form for a question, by response type. A switch that ends in assertNever: a new
// response type does not compile until the phone can answer it.
import type { AnswerValue } from '../../shared/protocol.ts';
import type { ResponseSpec } from '../../shared/question-set.ts';
import type { MyAnswering } from '../../shared/session/views.ts';
import { assertNever } from '../../shared/assert-never.ts';
import { ScaleAnswer } from './ScaleAnswer.tsx';
import { NumberAnswer } from './NumberAnswer.tsx';
import { TextAnswer } from './TextAnswer.tsx';
import { ChoiceAnswer } from './ChoiceAnswer.tsx';
import { RankingAnswer } from './RankingAnswer.tsx';
import { StatementsAnswer } from './StatementsAnswer.tsx';

type Mine = { id: string; answer: AnswerValue }[];

export function AnswerInput({ spec, questionId, mine, open, may }: { spec: ResponseSpec; questionId: string; mine: Mine; open: boolean; may: MyAnswering | undefined }) {
  const props = { questionId, current: mine[0]?.answer, open };
  switch (spec.type) {
    case 'scale':
      return <ScaleAnswer {...props} spec={spec} />;
    case 'number':
      return <NumberAnswer {...props} spec={spec} />;
    case 'choice':
      return <ChoiceAnswer {...props} spec={spec} />;
    case 'ranking':
      return <RankingAnswer {...props} spec={spec} />;
    case 'statements':
      return <StatementsAnswer {...props} spec={spec} />;
    case 'text':
      return <TextAnswer questionId={questionId} spec={spec} may={may} mine={mine.flatMap((a) => (a.answer.kind === 'text' ? [{ id: a.id, text: a.answer.text }] : []))} />;
    default:
      return assertNever(spec);
  }
}
