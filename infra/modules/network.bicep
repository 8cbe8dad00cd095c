metadata name = 'Virtual network for the Function App'
metadata description = 'One VNet with the subnet the Flex Consumption app integrates with (delegated to Microsoft.App/environments). The subnet carries service endpoints for Storage and Key Vault, so their network rules can admit it and deny everything else.'

@description('Required. Name of the virtual network.')
param name string

@description('Optional. Location of the network (must be the app\'s region).')
param location string = resourceGroup().location

@description('Optional. Tags of the network.')
param tags object = {}

@description('Optional. Address space of the network. Change it when the network is to be peered with one that overlaps.')
param addressPrefix string = '10.40.0.0/24'

@description('Optional. Name of the app subnet. Flex Consumption refuses subnet names with an underscore.')
param appSubnetName string = 'snet-app'

// Flex Consumption: a /27 serves one app (its outbound gateways are per subnet, at most 27), a /26 leaves room for a second.
var appSubnetPrefix = cidrSubnet(addressPrefix, 26, 0)

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    // The subnet is declared inline: a separate subnet resource would be removed and re-added on every redeploy of the VNet.
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
          // Traffic from the app to these services leaves the subnet with its identity, which their firewalls admit.
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
            {
              service: 'Microsoft.KeyVault'
            }
          ]
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: appSubnetName
  }
}

@description('The resource id of the virtual network.')
output resourceId string = vnet.id

@description('The resource id of the subnet the Function App integrates with.')
output appSubnetId string = vnet::appSubnet.id
