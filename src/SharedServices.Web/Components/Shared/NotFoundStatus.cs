namespace SharedServices.Web.Components.Shared;

public static class NotFoundStatus
{
    /// <summary>
    /// Marks the response 404 when a page for an unknown code is prerendered, so that link checkers, search engines
    /// and scripts see "not found", while people still see the page's own friendly explanation. Once the page is live
    /// (no request) or the response has started, there is nothing to mark.
    /// </summary>
    public static void AnswerNotFound(this HttpContext? request)
    {
        if (request is not { Response.HasStarted: false }) return;
        // Set as the page starts to go out, not now: a 404 seen while rendering makes Blazor and the status-code
        // pages swap the page's own explanation for the general "Page not found".
        request.Response.OnStarting(() =>
        {
            request.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
