import { useEffect, useId, useRef, useState } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

/** One series of a weekly chart: its label, the CSS custom property of its colour, its values. */
export interface ChartSeries {
  label: string
  /** A custom property name such as "--stage-building"; read from CSS at render. */
  colorVar: string
  values: readonly number[]
}

interface WeeklyChartProps {
  title: string
  /** One line under the title saying what the chart shows. */
  description: string
  /** Monday of each week, yyyy-MM-dd. */
  weeks: readonly string[]
  series: readonly ChartSeries[]
  /** Stacked areas, stacked bars, or one line. */
  kind: 'stacked-area' | 'stacked-bars' | 'line'
  testId: string
}

const HEIGHT = 200
const HALF_WEEK_S = 3.5 * 86_400

/** The value of a CSS custom property on the document, e.g. a colour token. */
function token(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return value === '' ? fallback : value
}

/** Bumps when the OS colour scheme or the app's theme attribute changes, so colours are read again. */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1)
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    media.addEventListener('change', bump)
    const observer = new MutationObserver(bump)
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class'],
    })
    return () => {
      media.removeEventListener('change', bump)
      observer.disconnect()
    }
  }, [])
  return version
}

const shortWeek = (day: string) =>
  new Date(`${day}T12:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })

/**
 * A chart of weekly values drawn by uPlot (canvas: fast with years of weeks), with a toggle
 * that shows the same numbers as a table for screen readers and for reading exact values.
 * Stacks are drawn as running totals, tallest first, so each band shows its own share.
 */
export function WeeklyChart({ title, description, weeks, series, kind, testId }: WeeklyChartProps) {
  const host = useRef<HTMLDivElement>(null)
  const tableWrap = useRef<HTMLDivElement>(null)
  const [showTable, setShowTable] = useState(false)
  const theme = useThemeVersion()
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const el = host.current
    if (!el || showTable || weeks.length === 0) return
    const xs = weeks.map((w) => new Date(`${w}T00:00:00`).getTime() / 1000)
    const stacked = kind !== 'line'
    const running: number[][] = []
    series.forEach((s, i) => {
      running.push(s.values.map((v, k) => v + (stacked && i > 0 ? (running[i - 1]?.[k] ?? 0) : 0)))
    })
    // Tallest band first: each later (lower) band paints over the one above it.
    const order = stacked ? [...series.keys()].reverse() : [...series.keys()]
    const text = token('--text-muted', '#5b636e')
    const grid = token('--border', '#dcdfe4')
    const bars = uPlot.paths.bars?.({ size: [0.7, 24] })
    const options: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: HEIGHT,
      legend: { show: true, live: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        // Half a week either side, so the first and last bars are drawn whole.
        x: { time: true, range: (_u, min, max) => [min - HALF_WEEK_S, max + HALF_WEEK_S] },
        // A little headroom, so the top band's stroke is not cut.
        y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.08))] },
      },
      axes: [
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 44 },
      ],
      series: [
        {
          label: 'Week',
          value: (_u, v) =>
            v === null ? '' : `Week of ${shortWeek(new Date(v * 1000).toLocaleDateString('sv'))}`,
        },
        ...order.map((i) => {
          const s = series[i]
          const colour = token(s?.colorVar ?? '', '#888888')
          return {
            label: s?.label ?? '',
            stroke: colour,
            width: kind === 'line' ? 2 : 1,
            fill: kind === 'line' ? undefined : colour,
            points: { show: false },
            ...(kind === 'stacked-bars' && bars ? { paths: bars } : {}),
            // The legend shows each band's own value, not the running total it is drawn at.
            value: (_u: uPlot, _v: number | null, _si: number, idx: number | null) =>
              idx === null ? '' : String(s?.values[idx] ?? ''),
          }
        }),
      ],
    }
    const data: uPlot.AlignedData = [xs, ...order.map((i) => running[i] ?? [])]
    const chart = new uPlot(options, data, el)
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }),
    )
    resize.observe(el)
    return () => {
      resize.disconnect()
      chart.destroy()
    }
  }, [weeks, series, kind, showTable, theme])

  // The table opens on the latest weeks, the ones a reader usually wants.
  useEffect(() => {
    const wrap = tableWrap.current
    if (showTable && wrap) wrap.scrollTop = wrap.scrollHeight
  }, [showTable])

  return (
    <section className="dash-card dash-chart" aria-labelledby={titleId} data-testid={testId}>
      <header className="dash-card-header">
        <div>
          <h2 id={titleId}>{title}</h2>
          <p id={descriptionId} className="dash-muted">
            {description}
          </p>
        </div>
        <button
          type="button"
          className="button button-small"
          aria-pressed={showTable}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? 'Show chart' : 'Show table'}
        </button>
      </header>
      {showTable ? (
        <div ref={tableWrap} className="dash-table-wrap" tabIndex={0} aria-labelledby={titleId}>
          <table className="dash-table">
            <caption className="sr-only">{title}, week by week</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                {series.map((s) => (
                  <th key={s.label} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, k) => (
                <tr key={week}>
                  <th scope="row">{week}</th>
                  {series.map((s) => (
                    <td key={s.label}>{s.values[k] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div
          ref={host}
          className="dash-plot"
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descriptionId}
        />
      )}
    </section>
  )
}
