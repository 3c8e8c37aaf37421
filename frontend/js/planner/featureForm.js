// What the place and the measure forms share: a geometry drawn on the map, a form that finishes a
// drawing under way before it saves, and a close that leaves the map as it was.
import { el } from '../dom.js';
import { drawControls, drawTool } from './draw.js';
import { clearErrorMarkers } from './saving.js';

/**
 * The drawing tool and its controls (point, line or area) editing {@code geometry}; {@code close(route)}
 * takes them off the map, runs the form's own {@code cleanUp}, and opens the route (else refreshes the
 * panel); {@code form(save, ...children)} is the form element, whose submit finishes the drawing and
 * then calls {@code save(event)}.
 */
export function drawnFeature(ctx, geometry, { idleIntercept = null, cleanUp = () => {} } = {}) {
  let controls;
  const tool = drawTool(ctx, () => controls?.update(), { idleIntercept });
  controls = drawControls(tool, ['Point', 'LineString', 'Polygon']);
  tool.edit(geometry);

  const close = (route) => {
    tool.destroy();
    controls.destroy();
    cleanUp();
    clearErrorMarkers(ctx);
    if (route) ctx.go(route); else ctx.refresh();
  };

  const form = (save, ...children) => el('form', {
    class: 'edit-form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      if (tool.isDrawing()) tool.finish();
      await save(event);
    },
  }, ...children);

  return { tool, controls, close, form };
}
