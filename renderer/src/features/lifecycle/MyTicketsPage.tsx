import { QueuePage } from './QueuePage';

export default function MyTicketsPage() {
  return <QueuePage key="mine" kind="mine" />;
}
