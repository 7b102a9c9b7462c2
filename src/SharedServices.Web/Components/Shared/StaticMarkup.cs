using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SharedServices.Web.Components.Shared;

/// <summary>
/// Markup with nothing live in it (no handlers, no bindings) rendered to HTML once, for a page to show as a single
/// string. A live page keeps every element and attribute of its markup as render-tree entries, twice over, for as long
/// as it is open; a large drawing costs far less held as the HTML it is. Blazor's own HTML renderer writes it, so
/// text and attributes are encoded exactly as on the page.
/// </summary>
public static class StaticMarkup
{
    public static async Task<MarkupString> RenderAsync(IServiceProvider services, RenderFragment fragment)
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<FragmentHost>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(FragmentHost.Fragment)] = fragment }));
            return output.ToHtmlString();
        });
        return new MarkupString(html);
    }

    /// <summary>Renders the fragment it is given; nothing else.</summary>
    private sealed class FragmentHost : ComponentBase
    {
        [Parameter] public RenderFragment? Fragment { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Fragment);
    }
}
