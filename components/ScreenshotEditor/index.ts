export { ScreenshotEditor, type EditorImage, type ScreenshotEditorProps } from './ScreenshotEditor';
export { DomCaptureControls } from './DomCaptureControls';
export { ReportScreenshot } from './ReportScreenshot';
