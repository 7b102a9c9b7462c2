namespace SharedServices.Domain;

/// <summary>
/// A business rule was broken. The message is written for the person using the product
/// (a finance officer or board member), so it can be shown to them as it is.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
