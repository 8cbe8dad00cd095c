metadata name = 'User-assigned managed identity'
metadata description = 'The one identity the Function App runs as: storage, Key Vault references and telemetry all authenticate with it.'

@description('Required. Name of the user-assigned managed identity.')
param name string

@description('Optional. Location of the identity.')
param location string = resourceGroup().location

@description('Optional. Tags of the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('The resource id of the identity.')
output resourceId string = identity.id

@description('The name of the identity.')
output name string = identity.name

@description('The principal (object) id of the identity, for role assignments.')
output principalId string = identity.properties.principalId

@description('The client (application) id of the identity, for `__clientId` settings.')
output clientId string = identity.properties.clientId
