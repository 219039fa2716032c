// Runs axe-core (already loaded into the page) with the given rule tags and extra rules, on the whole
// document or only within the `include` selector; the violations, with the elements each concerns.
async ([tags, extraRules, include]) => {
  const context = include ? {include: [include]} : document;
  const rules = Object.fromEntries(extraRules.map((rule) => [rule, {enabled: true}]));
  const result = await axe.run(context, {runOnly: {type: "tag", values: tags}, rules, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary})),
  }));
}
