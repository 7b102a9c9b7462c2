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
}
