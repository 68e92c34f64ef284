import { useEffect, useRef } from 'react';
import { init, type ChartOption, type ECharts } from './echarts-setup.ts';

interface Props {
  option: ChartOption;
  height: number;
  testId: string;
  /** A bar or point clicked: its index on the category axis. */
  onPick?: (dataIndex: number) => void;
}

/**
 * One ECharts chart on canvas, made when the element appears, fitted to its
 * container whenever that changes size (the menu folding, the window), and
 * disposed of when it goes: charts left behind keep their canvas and listeners.
 */
export function EChart({ option, height, testId, onPick }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const made = init(el, undefined, { renderer: 'canvas' });
    chart.current = made;
    made.on('click', (params) => pick.current?.(params.dataIndex));
    const observer = new ResizeObserver(() => made.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      made.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // The whole option each time: a series or category that went away must not linger from the last one.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} data-testid={testId} style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }} />;
}
