using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace SharedServices.Web.Components.Shared;

/// <summary>
/// MudBlazor's look for a plain &lt;button&gt; or &lt;a&gt;: its CSS classes and its icon markup, without a MudButton,
/// MudIconButton and MudIcon component behind each one. On a page that stays open those components are held for the
/// whole session, each with its own render buffers and parameter state; a page with a button on every row of its
/// tables paid for dozens of them. The element is the browser's own, so keyboard use and focus are the browser's,
/// and app.css's focus ring applies as it does to MudBlazor's buttons.
/// </summary>
public static class PlainButton
{
    /// <summary>As MudButton Variant.Outlined, medium: for links styled as buttons.</summary>
    public const string Outlined = "mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-medium mud-ripple";

    /// <summary>As MudButton Variant.Outlined Size.Small.</summary>
    public const string OutlinedSmall = "mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-small mud-ripple";

    /// <summary>As MudButton Variant.Filled Color.Primary.</summary>
    public const string FilledPrimary = "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-medium mud-ripple";

    /// <summary>As MudIconButton Size.Small; give it an aria-label, since the icon says nothing to a screen reader.</summary>
    public const string IconSmall = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small";

    // Built once per icon and size and shared by every page: the markup is MudBlazor's own constants, never user text.
    private static readonly ConcurrentDictionary<(string Icon, string Size, bool Start), MarkupString> Built = new();

    /// <summary>A MudBlazor icon (e.g. Icons.Material.Filled.Edit) as MudIcon draws it, hidden from screen readers; size is "small" or "medium".</summary>
    public static MarkupString Icon(string icon, string size = "small") =>
        Built.GetOrAdd((icon, size, false), key => new MarkupString(Svg(key.Icon, key.Size)));

    /// <summary>The icon before a button's text, as MudButton's StartIcon places it.</summary>
    public static MarkupString StartIcon(string icon, string size = "medium") =>
        Built.GetOrAdd((icon, size, true), key =>
            new MarkupString($"<span class=\"mud-button-icon-start mud-button-icon-size-{key.Size}\">{Svg(key.Icon, key.Size)}</span>"));

    /// <summary>The icon before a menu link's text, as MudNavLink draws it.</summary>
    public static MarkupString NavIcon(string icon) =>
        Built.GetOrAdd((icon, "nav", false), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{key.Icon}</svg>"));

    private static string Svg(string icon, string size) =>
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>";
}
