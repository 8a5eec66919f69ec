/**
 * A Plotly figure as plain data: what `Plotly.react(div, data, layout, config)` takes and
 * what the `application/vnd.plotly.v1+json` MIME type carries. Chart builders return it;
 * nothing here depends on plotly.js.
 */
export interface Figure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
}
