import { describe, expect, it } from 'vitest';
import { componentBars, percent, pointsLabel, reasonGroups } from './scoreChart';

const breakdown = {
  components: [
    { component: 'Fit', score: 85, weight: 30 },
    { component: 'Technographic', score: 50, weight: 20 },
    { component: 'Engagement', score: 60, weight: 25 },
    { component: 'Intent', score: 0, weight: 25 },
  ],
  reasons: [
    { text: 'Employees 200–1,000', component: 'Fit', points: 35 },
    { text: 'Pricing page visited twice', component: 'Engagement', points: 30 },
    { text: 'Replied to an email', component: 'Engagement', points: 30 },
    { text: 'Industry we win in', component: 'Fit', points: 50 },
    { text: 'Uses a competitor', component: 'Technographic', points: -10 },
    { text: 'Hand-written note', component: null, points: null },
  ],
};

describe('score chart data', () => {
  it('gives each component its share of the weights and what it adds to the composite', () => {
    const bars = componentBars(breakdown);

    expect(bars.map((b) => [b.component, b.share, b.contribution])).toEqual([
      ['Fit', 0.3, 25.5], ['Technographic', 0.2, 10], ['Engagement', 0.25, 15], ['Intent', 0.25, 0],
    ]);
    // The contributions add up to the composite the server stores (the weighted mean, one decimal).
    expect(bars.reduce((sum, b) => sum + b.contribution, 0)).toBeCloseTo(50.5, 5);
    expect(new Set(bars.map((b) => b.color)).size).toBe(4);
  });

  it('counts a component without a passing weight rule as not in the composite', () => {
    const bars = componentBars({ components: [{ component: 'Fit', score: 80, weight: 50 }, { component: 'Intent', score: 40, weight: null }], reasons: [] });

    expect(bars.map((b) => [b.share, b.contribution])).toEqual([[1, 80], [null, 0]]);
    expect(bars.map((b) => percent(b.share))).toEqual(['100%', 'not counted']);
  });

  it('groups the reasons under their component in chart order, biggest first, and keeps untied ones last', () => {
    const groups = reasonGroups(breakdown);

    expect(groups.map((g) => [g.component, g.total])).toEqual([['Fit', 85], ['Technographic', -10], ['Engagement', 60], [null, 0]]);
    expect(groups[0]?.reasons.map((r) => r.text)).toEqual(['Industry we win in', 'Employees 200–1,000']);
    expect(groups[0]?.color).toBe(componentBars(breakdown)[0]?.color);
  });

  it('writes points with their sign', () => {
    expect([pointsLabel(20), pointsLabel(-5), pointsLabel(0), pointsLabel(null)]).toEqual(['+20', '−5', '+0', '']);
  });
});
