// The stage is laid out once, 1920 logical pixels wide, and scaled to the projector with a CSS
// transform: 16:9 gives a 1920×1080 stage, 16:10 1920×1200, 4:3 1920×1440. Wider or taller
// screens get the nearest of those, centred. Layout never depends on the projector's pixels.
import { useEffect, useState } from 'react';

export const STAGE_WIDTH = 1920;
const MIN_HEIGHT = 1080;
const MAX_HEIGHT = 1440;

export type StageSize = { width: number; height: number; scale: number; x: number; y: number };

export function stageSize(vw: number, vh: number): StageSize {
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, (STAGE_WIDTH * vh) / vw)));
  const scale = Math.min(vw / STAGE_WIDTH, vh / height);
  return { width: STAGE_WIDTH, height, scale, x: (vw - STAGE_WIDTH * scale) / 2, y: (vh - height * scale) / 2 };
}

export function useStageSize(): StageSize {
  const [size, setSize] = useState(() => stageSize(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const onResize = () => setSize(stageSize(window.innerWidth, window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}
