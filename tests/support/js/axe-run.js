// Runs axe-core (already loaded into the page) with the given rule tags, on the whole document or only
// within the `include` selector; the violations, with the elements each concerns.
async ([tags, include]) => {
  const context = include ? {include: [include]} : document;
  const result = await axe.run(context, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary})),
  }));
}
