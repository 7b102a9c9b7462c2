using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace SharedServices.Web.Tests.Harness;

public static class MarkupExtensions
{
    /// <summary>The text of one element, whitespace collapsed, as a reader sees it.</summary>
    public static string TextOf<T>(this IRenderedComponent<T> cut, string selector) where T : IComponent =>
        Collapse(cut.Find(selector).TextContent);

    /// <summary>The whole rendered text, whitespace collapsed.</summary>
    public static string Text<T>(this IRenderedComponent<T> cut) where T : IComponent =>
        Collapse(string.Concat(cut.Nodes.Select(n => n.TextContent)));

    /// <summary>
    /// The text box a MudBlazor field renders for the given id; the id may sit on the input itself or on its wrapper.
    /// </summary>
    public static IElement InputFor<T>(this IRenderedComponent<T> cut, string id) where T : IComponent
    {
        var element = cut.Find($"#{id}");
        return element.LocalName is "input" or "textarea" ? element : element.QuerySelector("input, textarea")
            ?? throw new InvalidOperationException($"No text box for #{id}.");
    }

    /// <summary>
    /// The error messages shown under fields, without the character counters that share their line.
    /// </summary>
    public static IReadOnlyList<string> FieldErrors<T>(this IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll(".mud-input-helper-text.mud-input-error")
            .Select(e => Collapse((e.QuerySelector(".me-auto") ?? e).TextContent))
            .ToList();

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
