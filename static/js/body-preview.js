// The article body's live preview in the back office (articles.admin.article_form.MarkdownTextarea):
// the Markdown being typed is sent to the admin's body preview, whose answer is HTML already
// sanitised by the server (articles.bodies), shown beside the text as readers will see it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const textarea = document.querySelector("textarea[data-preview-url]");
  if (!textarea) {
    return;
  }
  const form = textarea.form;
  const panel = document.createElement("section");
  panel.className = "body-preview";
  panel.setAttribute("aria-label", "Aperçu du texte");
  panel.innerHTML =
    '<p class="body-preview-title">Aperçu du texte <span class="body-preview-state" role="status"></span></p>' +
    '<div class="body-preview-content article-body"></div>';
  const content = panel.querySelector(".body-preview-content");
  const state = panel.querySelector(".body-preview-state");
  const editor = document.createElement("div");
  editor.className = "body-editor";
  textarea.parentNode.insertBefore(editor, textarea);
  editor.append(textarea, panel);

  let timer = null;
  let sent = 0;
  async function refresh() {
    const number = ++sent;
    const data = new FormData();
    data.append("body", textarea.value);
    data.append("kind", form.elements.kind ? form.elements.kind.value : "");
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    state.textContent = "mise à jour…";
    try {
      const response = await fetch(textarea.dataset.previewUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
      });
      if (!response.ok) {
        throw new Error(response.status);
      }
      const html = await response.text();
      if (number === sent) {
        content.innerHTML = html;
        state.textContent = "";
      }
    } catch (error) {
      state.textContent = "aperçu indisponible";
    }
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }
  textarea.addEventListener("input", later);
  if (form.elements.kind) {
    form.elements.kind.addEventListener("change", later);
  }
  refresh();
});
