import { QueuePage } from './QueuePage';

export default function OverduePage() {
  return <QueuePage key="overdue" kind="overdue" />;
}
