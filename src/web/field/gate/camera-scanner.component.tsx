import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeImage, VIDEO_MAX_SIDE } from './qr-decode.ts';

/** About 8 frames a second: quick enough for a queue, light enough for an old phone's battery. */
const FRAME_MS = 125;

export type CameraStatus = 'starting' | 'running' | 'denied' | 'unavailable' | 'failed' | 'off';

function subscribeVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** The camera is let go while the app is in the background (another app may want it, and it drains the battery). */
function usePageVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => document.visibilityState === 'visible');
}

interface Props {
  /** Off for a sealed entrance, or when the user switched the camera off. */
  enabled: boolean;
  /** Called with each text read (several times a second while a code stays in view: the caller filters repeats). */
  onCode: (text: string) => void;
  onStatus?: (status: CameraStatus) => void;
}

/**
 * The phone's back camera, read continuously: frames are drawn on a canvas,
 * scaled down, and decoded with jsQR. Shows the picture with a frame to aim at;
 * when there is no camera (or no permission, or no secure connection), says so
 * and the photo button remains.
 */
export function CameraScanner({ enabled, onCode, onStatus }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);
  const visible = usePageVisible();
  const [status, setStatus] = useState<CameraStatus>('off');
  const active = enabled && visible;

  useEffect(() => onStatus?.(status), [status, onStatus]);

  useEffect(() => {
    const element = video.current;
    if (!active || !element) {
      setStatus('off');
      return;
    }
    // getUserMedia exists only in a secure context (https, or the phone's own localhost).
    if (!navigator.mediaDevices?.getUserMedia) {
      setStatus('unavailable');
      return;
    }
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const canvas = document.createElement('canvas');

    const tick = () => {
      if (stopped) return;
      if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        const text = decodeImage(element, element.videoWidth, element.videoHeight, canvas, VIDEO_MAX_SIDE);
        if (text) onCodeRef.current(text);
      }
      timer = setTimeout(tick, FRAME_MS);
    };

    setStatus('starting');
    navigator.mediaDevices
      .getUserMedia({ audio: false, video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } } })
      .then(async (s) => {
        stream = s;
        if (stopped) return;
        element.srcObject = s;
        await element.play().catch(() => undefined);
        if (stopped) return;
        setStatus('running');
        tick();
      })
      .catch((e: unknown) => {
        if (stopped) return;
        const name = e instanceof DOMException ? e.name : '';
        setStatus(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'unavailable' : 'failed');
      });

    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      element.srcObject = null;
    };
  }, [active]);

  const problem = status === 'denied' || status === 'unavailable' || status === 'failed';
  return (
    <div className="gate-camera" data-testid="camera" data-status={status}>
      <video ref={video} className="gate-camera-video" muted playsInline autoPlay aria-label={t('gate-field:scan.cameraLabel')} />
      {status === 'running' && <div className="gate-camera-aim" aria-hidden="true" />}
      {status === 'starting' && <div className="gate-camera-note">{t('gate-field:scan.cameraStarting')}</div>}
      {status === 'off' && <div className="gate-camera-note">{t('gate-field:scan.cameraOff')}</div>}
      {problem && (
        <div className="gate-camera-note" data-testid="camera-problem">
          <strong>{t(`gate-field:scan.camera.${status}`)}</strong>
          <span>{t('gate-field:scan.usePhoto')}</span>
        </div>
      )}
    </div>
  );
}
