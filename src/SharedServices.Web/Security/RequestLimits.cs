using Microsoft.AspNetCore.Http.Features;
using SharedServices.Web.Startup;

namespace SharedServices.Web.Security;

/// <summary>
/// How much a browser may send in one HTTP request. Nothing in the app is uploaded by form post: the one upload, a file
/// of activity, streams over the live connection (limited by <see cref="CircuitLimits"/> a message, and by the import's
/// own file limit as a whole), and the only posts are small forms such as signing in. So the limits are set well below
/// ASP.NET Core's defaults (30 MB a request, 128 MB a multipart form, 4 MB a form value), which exist for apps that
/// take files by post and would only let a client make this one read and buffer more.
/// </summary>
public static class RequestLimits
{
    /// <summary>
    /// Any request body (Kestrel refuses a larger one with 413). 1 MB carries the largest form many times over, and
    /// SignalR's fallback transports, which post one message at a time, never need more than 64 KB
    /// (<see cref="CircuitLimits.MaximumReceiveMessageSize"/>). WebSocket traffic is not a request body and is not counted.
    /// </summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// One form value: the longest field (4,000 characters) URL-encoded at worst as 3 UTF-8 bytes a character, each
    /// written %XX, is 4,000 × 9 = 36,000 bytes; 64 KB carries it with room to spare.
    /// </summary>
    public const int MaxFormValueBytes = 64 * 1024;

    /// <summary>Fields in one posted form: a posted form (signing in) has a handful, so 200 is room to spare.</summary>
    public const int MaxFormValueCount = 200;

    public static void AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.Configure<FormOptions>(form =>
        {
            // A multipart form is one request body, so it can never be larger than the request limit either.
            form.MultipartBodyLengthLimit = MaxRequestBodyBytes;
            form.ValueLengthLimit = MaxFormValueBytes;
            form.ValueCountLimit = MaxFormValueCount;
        });
    }

    /// <summary>
    /// Refuses, with 413 and a sentence, a request that says up front (Content-Length) that its body is over the limit,
    /// before anything reads it. Kestrel would refuse it too, but only once something starts reading, and that reader
    /// (the anti-forgery check, a form's handler) would turn the refusal into a 400 or the error page. A body sent in
    /// chunks with no length is still cut off by Kestrel at the limit.
    /// </summary>
    public static void UseRequestLimits(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (context.Request.ContentLength is not { } length || limit is not { } max || length <= max) return next(context);
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync($"The request is larger than the {max / (1024m * 1024m):0.#} MB a request may carry, so it was not read. Nothing was saved.");
    });
}
