// The two modules of the qrcode package the enrolment uses: encoding and the SVG renderer (the
// package's browser entry also bundles canvas and PNG code that the web app does not need).
declare module 'qrcode/lib/core/qrcode' {
  export interface QrData {
    modules: { size: number; data: Uint8Array };
  }
  export function create(text: string, options: Record<string, unknown>): QrData;
}
declare module 'qrcode/lib/renderer/svg-tag' {
  import type { QrData } from 'qrcode/lib/core/qrcode';
  export function render(qr: QrData, options: { margin?: number }): string;
}
