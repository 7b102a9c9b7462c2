// Moves focus to a form field from the error summary. The id may be on the input itself or on a wrapper around it.
export function focusField(id) {
    const target = document.getElementById(id);
    if (!target) return;
    const focusable = target.matches("input, textarea, select, [tabindex]") ? target
        : target.querySelector("input:not([type=hidden]), textarea, select, [tabindex]:not([tabindex='-1'])") ?? target;
    focusable.focus();
    focusable.scrollIntoView({ block: "center" });
}

// For a dialog that has just opened: after the dialog's own focus handling has run (two frames), focus the element.
export function focusFieldWhenSettled(id) {
    requestAnimationFrame(() => requestAnimationFrame(() => focusField(id)));
}
