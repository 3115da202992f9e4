import PartsPage from './PartsPage';

/** The supervisor's warning list: active parts below their minimum stock. */
export default function LowStockPage() {
  return <PartsPage low />;
}
