/** What each measurement yields, how it is judged against bench/budgets.json, and the table. */
import budgets from '../budgets.json';

export type BudgetKey = Exclude<keyof typeof budgets, '$comment'>;
export interface Budget {
  max?: number;
  min?: number;
  unit: string;
}

export interface Figure {
  /** The item of the benchmark issue this figure answers (1–10). */
  item: number;
  label: string;
  /** null when it could not be measured; `note` says why. */
  value: number | null;
  unit: string;
  digits: number;
  budget?: BudgetKey;
  /** One line on how it was measured: runs, sides, medians. */
  how: string;
  note?: string;
  /** Medians of each side, samples, sizes: kept in latest.json. */
  detail?: Record<string, unknown>;
}

export type Verdict = 'ok' | 'MISSED' | 'info';

export function budgetOf(figure: Figure): Budget | undefined {
  return figure.budget ? budgets[figure.budget] : undefined;
}

export function verdict(figure: Figure): Verdict {
  const budget = budgetOf(figure);
  if (!budget) return 'info';
  if (figure.value === null || Number.isNaN(figure.value)) return 'MISSED';
  if (budget.max !== undefined && figure.value > budget.max) return 'MISSED';
  if (budget.min !== undefined && figure.value < budget.min) return 'MISSED';
  return 'ok';
}

const show = (value: number, unit: string, digits: number) =>
  unit === '×'
    ? `×${value.toFixed(digits)}`
    : `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;

function budgetText(figure: Figure): string {
  const budget = budgetOf(figure);
  if (!budget) return '—';
  const limit = budget.max ?? budget.min!;
  const digits = String(limit).split('.')[1]?.length ?? 0;
  return `${budget.max !== undefined ? '≤' : '≥'} ${show(limit, budget.unit, digits)}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const result = f.value === null ? 'not measured' : show(f.value, f.unit, f.digits);
    return `| ${f.item} | ${cell(f.label)} | ${result} | ${budgetText(f)} | ${verdict(f)} | ${cell(f.how + (f.note ? ` ${f.note}` : ''))} |`;
  });
  return ['| # | Figure | Result | Budget | Verdict | How |', '|---|---|---:|---|---|---|', ...rows].join('\n');
}

/** A figure for a measurement that threw: it counts as missed when it has a budget. */
export function failedFigure(item: number, label: string, budget: BudgetKey | undefined, error: unknown): Figure {
  const message = error instanceof Error ? error.message : String(error);
  return {
    item,
    label,
    value: null,
    unit: '',
    digits: 0,
    budget,
    how: 'could not be measured:',
    note: message.split('\n')[0],
  };
}
