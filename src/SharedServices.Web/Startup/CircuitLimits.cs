using Microsoft.AspNetCore.Components.Server;
using SharedServices.Core.Partnerships;

namespace SharedServices.Web.Startup;

/// <summary>
/// The size of the largest message a browser may send over the live connection (SignalR). Too small, and a long
/// field drops the connection and its text is lost without a word; too large, and one client can make the server
/// buffer a lot. Every text box has a maximum length (the browser stops typing or pasting beyond it, and the
/// validators refuse longer text), so the limit only has to carry the longest field.
/// </summary>
public static class CircuitLimits
{
    /// <summary>The longest text any field accepts: a partnership's summary and a decision's "what it resolved".</summary>
    public const int LongestField = PartnershipForm.SummaryMaxLength;

    /// <summary>
    /// A field's text travels as JSON inside the message. Escaped JSON takes at most 6 bytes per character
    /// (a control character becomes \u001f), and a character outside ASCII at most 3 bytes in UTF-8, so 6 bytes a
    /// character plus 8 KB for the rest of the message (event name, ids) covers the longest field in the worst case:
    /// 4,000 × 6 + 8,192 = 32,192 bytes, just over SignalR's default of 32 KB. 64 KB leaves room and stays small.
    /// </summary>
    public const int MaximumReceiveMessageSize = 64 * 1024;

    /// <summary>
    /// The live sessions' budget, set for who uses the app: council finance teams, boards and directors. A regional or
    /// national instance shared by many councils has hundreds of people on it at once, not tens of thousands, and they
    /// work on office networks and VPNs whose drops last seconds. An idle live session on a partnership page holds
    /// about 1 MB of managed heap (measured for issue 11: 1.2 MB before its trimming, 1.0 MB after; any page's session,
    /// the account page's, holds about 0.7 MB), so 500 people cost about 500 MB, and what matters is that sessions
    /// nobody will come back to stop costing anything soon.
    /// </summary>
    public static void Configure(CircuitOptions circuits)
    {
        // A dropped VPN or a laptop woken from sleep reconnects within seconds; the browser's reconnect dialog gives
        // up well inside a minute. Keeping a dead session for the default 3 minutes only holds its memory for longer.
        circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
        // If a whole office's VPN drops at once, the sessions it held wait: a tenth of several hundred users. Beyond
        // that the oldest are let go (their pages reload with their data, see the persistent page state).
        circuits.DisconnectedCircuitMaxRetained = 50;
        // .NET 10 keeps a let-go session's page state (the [PersistentState] data: a page's worth of rows, tens of
        // KB) so that it can resume. An hour covers a meeting or lunch; 500 bounds it at one per expected user.
        circuits.PersistedCircuitInMemoryRetentionPeriod = TimeSpan.FromHours(1);
        circuits.PersistedCircuitInMemoryMaxRetained = 500;
        // A call into the browser (focus, a download) that has not answered in 30 seconds is from a browser that is
        // gone; waiting the default minute only keeps its session busy.
        circuits.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
    }
}
