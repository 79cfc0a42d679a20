// Builds json-rules-engine engines from rules.json and checks one facts file (see facts.py).
// A plan is checked as json-rules-engine is meant to be used: one run per subject, with the
// subject and the client as facts. Rules about the plan run once, rules about a week block once
// per block, rules about a session or its lines once per session.
import { readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';

const RULES = new URL('./rules.json', import.meta.url);
const SCOPE_OF_TARGET = { plan: 'plan', week: 'week', session: 'session', line: 'session' };

// A JSONPath filter gives undefined when nothing matches and may give a single match unwrapped.
const matches = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function buildEngines(rulesFile = RULES) {
  const { conditions, rules } = JSON.parse(readFileSync(rulesFile, 'utf8'));
  const engines = {};
  for (const scope of ['plan', 'week', 'session']) {
    const engine = new Engine();
    engine.addOperator('someMatch', (found, expected) => (matches(found).length > 0) === expected);
    engine.addOperator('fewerMatchesThan', (found, count) => matches(found).length < count);
    for (const [name, condition] of Object.entries(conditions)) engine.setCondition(name, condition);
    for (const rule of rules) if (SCOPE_OF_TARGET[rule.event.params.target] === scope) engine.addRule(rule);
    engines[scope] = engine;
  }
  return engines;
}

// The condition named "offending" selects the lines (or sessions) a finding is about.
function offending(condition) {
  if (condition.name === 'offending') return matches(condition.factResult);
  for (const op of ['all', 'any']) {
    for (const c of condition[op] ?? []) {
      const found = offending(c);
      if (found) return found;
    }
  }
  return undefined;
}

const fill = (message, values) => message.replace(/\{(\w+)\}/g, (all, key) => values[key] ?? all);

function findings(results, where) {
  const out = [];
  for (const result of results) {
    const { rule, target, message } = result.event.params;
    if (target === 'line') {
      for (const line of offending(result.conditions)) {
        out.push({ rule, line: line.line, message: fill(message, { ...where, exercise: line.exercise }) });
      }
    } else {
      const count = target === 'week' ? offending(result.conditions)?.length : undefined;
      out.push({ rule, line: where.line ?? null, message: fill(message, { ...where, count }) });
    }
  }
  return out;
}

export async function checkPlan(engines, plan) {
  const { conditions, cleared, experience } = plan.client;
  const client = { conditions, cleared, experience };
  const found = [];
  const { results } = await engines.plan.run({ ...client, plan });
  found.push(...findings(results, {}));
  for (const week of plan.weeks) {
    const weeks = week.first === week.last ? `${week.first}` : `${week.first}-${week.last}`;
    const byWeek = await engines.week.run({ ...client, week });
    found.push(...findings(byWeek.results, { week: weeks }));
    for (const session of week.sessions) {
      const bySession = await engines.session.run({ ...client, firstWeek: week.first, session });
      found.push(...findings(bySession.results, { line: session.line, kind: session.kind, day: session.day }));
    }
  }
  return found;
}
