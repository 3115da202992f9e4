import type { TicketDetail } from '../../../../shared/domain/ticket';
import { AcceptForm } from './AcceptForm';
import { BookingForm } from './BookingForm';
import { ConsentForm } from './ConsentForm';
import { DispatchForm } from './DispatchForm';
import { FollowUpForm } from './FollowUpForm';
import { PauseForm } from './PauseForm';
import { PlanForm } from './PlanForm';
import { SimpleMoveForm, type SimpleMove } from './SimpleMoveForm';
import { TextActionForm } from './TextActionForm';

export type DialogKind = SimpleMove | 'submitPlan' | 'dispatch' | 'accept' | 'followUpSolved' | 'consent' | 'pause' | 'escalate' | 'contact' | 'note' | 'book';

interface Props {
  kind: DialogKind;
  ticket: TicketDetail;
  onClose: () => void;
  onDone: () => void;
}

/** The dialog of one next step, with exactly the fields that step records. */
export function ActionDialog({ kind, ...rest }: Props) {
  switch (kind) {
    case 'submitPlan':
      return <PlanForm {...rest} />;
    case 'dispatch':
      return <DispatchForm {...rest} />;
    case 'accept':
      return <AcceptForm {...rest} />;
    case 'followUpSolved':
      return <FollowUpForm {...rest} />;
    case 'consent':
      return <ConsentForm {...rest} />;
    case 'pause':
      return <PauseForm {...rest} />;
    case 'book':
      return <BookingForm {...rest} />;
    case 'escalate':
    case 'contact':
    case 'note':
      return <TextActionForm action={kind} {...rest} />;
    default:
      return <SimpleMoveForm move={kind} {...rest} />;
  }
}
