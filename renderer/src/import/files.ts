import type { ExportFile } from '@shared/importContract'

/** Base64 of a file's bytes, in chunks so a large file does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return btoa(binary)
}

/** The bytes of base64 text. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** A picked or dropped file as import.preview takes it. */
export async function readForImport(file: File): Promise<{ fileName: string; dataBase64: string }> {
  const buffer = await file.arrayBuffer()
  return { fileName: file.name, dataBase64: bytesToBase64(new Uint8Array(buffer)) }
}

/**
 * Save a file the core produced through the browser's download. In Electron the shell's
 * `will-download` handler turns this into a save dialog.
 */
export function downloadFile(file: ExportFile): void {
  const blob = new Blob([base64ToBytes(file.dataBase64)], { type: file.mimeType })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has read the blob by the next task; revoking at once can cancel it in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
