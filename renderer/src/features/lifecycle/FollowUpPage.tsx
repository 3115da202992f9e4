import { QueuePage } from './QueuePage';

export default function FollowUpPage() {
  return <QueuePage key="followUp" kind="followUp" />;
}
