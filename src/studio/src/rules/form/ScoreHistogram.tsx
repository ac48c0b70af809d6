import { Box, Paper, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { type KeyboardEvent, type PointerEvent, useMemo, useRef, useState } from 'react';
import { formatNumber } from './ruleForm';
import { type Band, binScores, MAX_SCORE, type ScoreCount } from './scoreBands';
import { tierShade } from './tierColors';

/** A composite threshold drawn on the histogram. */
export interface ThresholdLine { key: string; tier: string; label: string; op: string; value: number }

interface Props {
  scores: readonly ScoreCount[];
  /** Today's tiers, bottom of each bar first. */
  tiers: readonly string[];
  bands: readonly Band[];
  /** Accounts per tier under the form's thresholds, shown in each band. */
  estimate: ReadonlyMap<string, number>;
  thresholds: readonly ThresholdLine[];
  onChange: (key: string, value: number) => void;
}

const HEIGHT = 240;
const BIN = 2;
const margin = { left: 40, right: 16, bottom: 26 };

/** Today's composite scores as a histogram, bars stacked by today's tier, the form's tier bands behind them and a
 *  handle per composite threshold: drag it, or focus it and use the arrow keys (Page Up/Down: 5, Home/End). */
export function ScoreHistogram({ scores, tiers, bands, estimate, thresholds, onChange }: Props) {
  const { ref, width: measured } = useElementSize();
  const svg = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const bins = useMemo(() => binScores(scores, BIN), [scores]);

  const top = thresholds.length > 1 ? 56 : 34;
  // Before the first measurement (and in jsdom, which measures nothing) draw at a common width.
  const width = measured || 800;
  const plotWidth = Math.max(width - margin.left - margin.right, 10);
  const plotHeight = HEIGHT - top - margin.bottom;
  const yMax = niceMax(Math.max(1, ...bins.map((b) => b.total)));
  const x = (value: number) => margin.left + (value / MAX_SCORE) * plotWidth;
  const y = (count: number) => top + plotHeight - (count / yMax) * plotHeight;
  const valueAt = (clientX: number) => {
    const left = svg.current?.getBoundingClientRect().left ?? 0;
    return Math.min(MAX_SCORE, Math.max(0, Math.round(((clientX - left - margin.left) / plotWidth) * MAX_SCORE)));
  };

  const drag = (line: ThresholdLine) => ({
    onPointerDown: (e: PointerEvent<SVGGElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      (e.currentTarget as unknown as HTMLElement).focus();
      setDragging(line.key);
      e.preventDefault();
    },
    onPointerMove: (e: PointerEvent<SVGGElement>) => {
      if (dragging !== line.key) return;
      const value = valueAt(e.clientX);
      if (value !== line.value) onChange(line.key, value);
    },
    onPointerUp: (e: PointerEvent<SVGGElement>) => {
      e.currentTarget.releasePointerCapture(e.pointerId);
      setDragging(null);
    },
    onFocus: () => setFocused(line.key),
    onBlur: () => setFocused((f) => (f === line.key ? null : f)),
    onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
      const step = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -5, PageUp: 5 }[e.key];
      const next = e.key === 'Home' ? 0 : e.key === 'End' ? MAX_SCORE : step === undefined ? null : Math.round(line.value) + step;
      if (next === null) return;
      e.preventDefault();
      onChange(line.key, Math.min(MAX_SCORE, Math.max(0, next)));
    },
  });

  const hovered = hover === null ? null : bins[hover];
  return (
    <Box ref={ref} pos="relative" style={{ userSelect: 'none' }}>
      {(
        <svg ref={svg} width={width} height={HEIGHT} role="group" aria-label="Today’s composite scores with the tier thresholds"
          style={{ display: 'block', overflow: 'visible' }}>
          {bands.filter((b) => b.tier).map((b) => {
            const left = x(b.from);
            const right = x(Math.min(MAX_SCORE, b.to + 0.1));
            const count = estimate.get(b.tier!) ?? 0;
            return (
              <g key={`${b.tier}-${b.from}`} aria-hidden>
                <rect x={left} y={top} width={Math.max(0, right - left)} height={plotHeight} fill={tierShade(b.tier, 0)} opacity={0.7} />
                {right - left > 64 && (
                  <text x={(left + right) / 2} y={top + 16} textAnchor="middle" fontSize={11} fontWeight={600} fill={tierShade(b.tier, 8)}>
                    {b.tier} · {count.toLocaleString()}
                  </text>
                )}
              </g>
            );
          })}
          {ticks(yMax).map((t) => (
            <g key={t} aria-hidden>
              <line x1={margin.left} x2={margin.left + plotWidth} y1={y(t)} y2={y(t)} stroke="var(--mantine-color-gray-3)" strokeDasharray={t ? '3 3' : undefined} />
              <text x={margin.left - 8} y={y(t) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">{t.toLocaleString()}</text>
            </g>
          ))}
          {[0, 20, 40, 60, 80, 100].map((t) => (
            <text key={t} x={x(t)} y={HEIGHT - 8} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)" aria-hidden>{t}</text>
          ))}
          {bins.map((bin, i) => {
            let stacked = 0;
            const left = x(bin.from) + 1;
            const barWidth = Math.max(1, x(bin.to) - x(bin.from) - 2);
            return (
              <g key={bin.from} onPointerEnter={() => setHover(i)} onPointerLeave={() => setHover((h) => (h === i ? null : h))} aria-hidden>
                <rect x={left - 1} y={top} width={barWidth + 2} height={plotHeight} fill="transparent" />
                {[...tiers, ...Object.keys(bin.byTier).filter((t) => !tiers.includes(t))].map((tier) => {
                  const n = bin.byTier[tier] ?? 0;
                  if (!n) return null;
                  const rect = <rect key={tier} x={left} y={y(stacked + n)} width={barWidth} height={y(stacked) - y(stacked + n)}
                    fill={tierShade(tier, hover === i ? 7 : 5)} rx={1.5} />;
                  stacked += n;
                  return rect;
                })}
              </g>
            );
          })}
          {thresholds.map((line, i) => {
            const at = x(line.value);
            const labelY = top - 26 - (thresholds.length > 1 ? (i % 2) * 22 : 0);
            const text = `${line.tier} ${line.op} ${formatNumber(line.value)}`;
            const labelWidth = text.length * 7.2 + 30;
            return (
              <g key={line.key} role="slider" tabIndex={0} aria-label={line.label} aria-orientation="horizontal"
                aria-valuemin={0} aria-valuemax={MAX_SCORE} aria-valuenow={line.value} aria-valuetext={`${line.op} ${formatNumber(line.value)}`}
                style={{ cursor: 'ew-resize', outline: 'none', touchAction: 'none' }} className="threshold-handle" {...drag(line)}>
                <rect x={at - 8} y={labelY} width={16} height={top + plotHeight - labelY} fill="transparent" />
                <line x1={at} x2={at} y1={labelY + 20} y2={top + plotHeight} stroke={tierShade(line.tier, 8)} strokeWidth={2}
                  strokeDasharray={dragging === line.key ? undefined : '5 3'} />
                {focused === line.key && (
                  <rect x={at - labelWidth / 2 - 3} y={labelY - 3} width={labelWidth + 6} height={26} rx={13} fill="none"
                    stroke={tierShade(line.tier, 4)} strokeWidth={2} />
                )}
                <rect x={at - labelWidth / 2} y={labelY} width={labelWidth} height={20} rx={10} fill={tierShade(line.tier, 7)} />
                <text x={at} y={labelY + 14} textAnchor="middle" fontSize={11.5} fontWeight={650} fill="white">⟷ {text}</text>
              </g>
            );
          })}
        </svg>
      )}
      {hovered && hovered.total > 0 && (
        <Paper shadow="md" withBorder p={8} radius="md" pos="absolute" top={top} aria-hidden
          left={Math.min(x(hovered.to) + 8, Math.max(width - 180, 0))} style={{ pointerEvents: 'none', zIndex: 2, minWidth: 150 }}>
          <Text size="xs" fw={650}>Composite {hovered.from}–{hovered.to}</Text>
          <Text size="xs" c="dimmed">{hovered.total.toLocaleString()} account{hovered.total === 1 ? '' : 's'} today</Text>
          {Object.entries(hovered.byTier).map(([tier, n]) => (
            <Text key={tier} size="xs"><Box component="span" display="inline-block" w={8} h={8} mr={6} bg={tierShade(tier, 5)} style={{ borderRadius: 2 }} />{tier}: {n}</Text>
          ))}
        </Paper>
      )}
    </Box>
  );
}

/** 1, 2, 5, 10, 20, 50 … at or above the largest bar. */
function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((m) => m * power >= value) ?? 10) * power;
}

function ticks(max: number): number[] {
  return max <= 2 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, max / 2, max].map((t) => Math.round(t));
}
