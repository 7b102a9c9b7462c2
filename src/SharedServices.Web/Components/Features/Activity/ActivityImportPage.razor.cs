using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Activity;
using SharedServices.Core.Activity.Import;
using SharedServices.Core.Persistence;
using SharedServices.Web.Components.Shared;
using SharedServices.Web.Security;

namespace SharedServices.Web.Components.Features.Activity;

/// <summary>
/// Importing a file of activity: the file is copied from the browser to a temporary file (never past the size
/// limit), then read and checked row by row in the background with progress and a Cancel button. The import is
/// all or nothing, so a bad row, a refusal or a cancel saves nothing.
/// </summary>
public sealed partial class ActivityImportPage : IDisposable
{
    private ActivityServices? _services;
    private bool _loading = true;
    private IBrowserFile? _file;
    private bool _busy;
    private CancellationTokenSource? _cancel;
    private double _percent;
    private string _progressText = "";
    private ActivityImportOutcome? _outcome;
    private string? _message;
    private ActivityImportHistory? _history;

    [Inject] private IDbContextFactory<SharedServicesDbContext> Factory { get; set; } = default!;
    [Inject] private ActivityImporter Importer { get; set; } = default!;
    [Inject] private CurrentOfficer Officer { get; set; } = default!;

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>The partnership's code, from the address.</summary>
    [Parameter] public string Code { get; set; } = "";

    private string GridLink => $"/partnerships/{Code}/activity";

    private string LimitText => $"{Importer.Limits.MaxFileBytes / (1024 * 1024):N0} MB";

    protected override async Task OnParametersSetAsync()
    {
        _services = await ActivityDownloads.LoadAsync(Factory, Code, CancellationToken.None);
        if (_services is null) HttpContext.AnswerNotFound();
        _loading = false;
    }

    private void FileChosen(InputFileChangeEventArgs e)
    {
        _file = e.File;
        _outcome = null;
        // Said at once, before anything is sent: the browser knows the size.
        _message = e.File.Size > Importer.Limits.MaxFileBytes ? TooBig(e.File.Name) : null;
        if (_message is not null) _file = null;
    }

    private string TooBig(string fileName) =>
        $"\"{fileName}\" is larger than the {LimitText} limit for an activity file. Split it into smaller files. Nothing was saved.";

    private async Task ImportAsync()
    {
        if (_busy || _file is not { } file) return;
        _busy = true;
        _outcome = null;
        _message = null;
        _percent = 0;
        _progressText = $"Uploading {file.Name}…";
        using var cancel = new CancellationTokenSource();
        _cancel = cancel;
        try
        {
            var who = await Officer.NameAsync();
            await using var copy = await UploadAsync(file, cancel.Token);
            if (copy is null)
            {
                _message = TooBig(file.Name);
                return;
            }
            // Progress is posted back to this page's own context, where it may render.
            var progress = new Progress<ImportProgress>(Show);
            // Off the page's context, so the page keeps rendering progress and hears Cancel while rows are checked.
            _outcome = await Task.Run(() => Importer.ImportAsync(Code, copy, file.Name, who, progress, cancel.Token), cancel.Token);
            if (_outcome.Saved && _history is not null) await _history.ReloadAsync();
        }
        catch (OperationCanceledException)
        {
            _message = $"The import of {file.Name} was cancelled. Nothing was saved.";
        }
        finally
        {
            _cancel = null;
            _busy = false;
        }
    }

    /// <summary>The file, copied to a temporary file that deletes itself; null when it turns out larger than the limit.</summary>
    private async Task<FileStream?> UploadAsync(IBrowserFile file, CancellationToken cancel)
    {
        var limit = Importer.Limits.MaxFileBytes;
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            // One byte over the limit may be read, so that a browser that misreported the size is still caught here.
            await using var upload = file.OpenReadStream(limit + 1, cancel);
            var buffer = new byte[32 * 1024];
            int count;
            while ((count = await upload.ReadAsync(buffer, cancel)) > 0)
            {
                if (copy.Length + count > limit)
                {
                    await copy.DisposeAsync();
                    return null;
                }
                await copy.WriteAsync(buffer.AsMemory(0, count), cancel);
                var percent = file.Size == 0 ? 0 : Math.Floor(Math.Min(100, 100.0 * copy.Length / file.Size));
                if (percent == _percent) continue;
                // Once a percent, not once a chunk: a 20 MB file would otherwise render the page 640 times.
                _percent = percent;
                _progressText = $"Uploading {file.Name}: {_percent:0}% sent.";
                StateHasChanged();
            }
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    private void Show(ImportProgress progress)
    {
        if (!_busy) return;
        _percent = progress.TotalBytes == 0 ? 0 : Math.Min(100, 100.0 * progress.BytesRead / progress.TotalBytes);
        _progressText = $"Checking rows: {progress.RowsRead:N0} read ({_percent:0}% of the file).";
        StateHasChanged();
    }

    private void Cancel() => _cancel?.Cancel();

    public void Dispose() => _cancel?.Cancel();
}
