/**
 * A phone camera's photo is 12 megapixels and often more than the 8 MB an attachment may be: before it
 * is sent, a photo larger than a screen's worth is scaled down and saved again as JPEG in the browser;
 * so is one in a format the desk does not keep (HEIC, where the browser reads it).
 */
import { fitWithin } from './phone-day';

const JPEG_QUALITY = 0.85;
const KEPT = ['image/jpeg', 'image/png', 'image/webp'];

/** The photo as sent: unchanged when small enough and kept as it is (or unreadable here), else a JPEG. */
export async function shrinkPhoto(file: File): Promise<File> {
  if (!file.type.startsWith('image/') || typeof createImageBitmap !== 'function') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  const size = fitWithin(bitmap.width, bitmap.height);
  if (size.width === bitmap.width && size.height === bitmap.height && KEPT.includes(file.type)) {
    bitmap.close();
    return file;
  }
  const canvas = Object.assign(document.createElement('canvas'), size);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  return blob ? new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }) : file;
}
