using SharedServices.Domain.Invoicing;

namespace SharedServices.Core.Tests.Invoicing;

/// <summary>Parties for an invoice issued in a test that is about something else.</summary>
internal static class TestParties
{
    public static InvoiceParties Any { get; } = new(new InvoiceParty("Surrey County Council", "SCC"), new InvoiceParty("Isle of Wight Council", "IWC"));
}
