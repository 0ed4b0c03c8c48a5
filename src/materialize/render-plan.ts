import type { IntrospectedColumns, MaterializationPlan, Statement } from './statement';

/**
 * A plan as reviewable SQL text: each statement with its role (and atomic unit), the finish phase
 * planned with the given columns, then the cleanup. Golden files and `--dry-run` style output use it.
 */
export function renderPlan(plan: MaterializationPlan, columns: IntrospectedColumns = {}): string {
  const parts: string[] = [`-- ${plan.action} ${plan.relation.schema}.${plan.relation.name}`];
  for (const w of plan.warnings) parts.push(`-- warning: ${w.message}`);
  parts.push(...plan.statements.map(renderStatement));
  if (plan.finish) {
    const ask = plan.finish.introspect;
    if (ask.target || ask.temp) {
      parts.push(`-- introspect columns:${ask.target ? ' target' : ''}${ask.temp ? ' temp' : ''}`);
    }
    parts.push(...plan.finish.plan(columns).map(renderStatement));
  }
  if (plan.cleanup.length > 0) {
    parts.push('-- on failure or cancel:', ...plan.cleanup.map(renderStatement));
  }
  return parts.join('\n\n') + '\n';
}

function renderStatement(s: Statement): string {
  return `-- [${s.role}${s.unit ? `, unit ${s.unit}` : ''}]\n${s.sql};`;
}
