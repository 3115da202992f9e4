/** The low-stock list, reloaded whenever the core reports a change (for the navigation badge and the list). */
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';

export function useLowStock(enabled = true) {
  const low = useApi('stock.low', {}, enabled);
  useChangeEvents(low.reload);
  return low;
}
